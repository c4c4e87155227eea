"""The build: workspace and npm (workspace.py), esbuild (bundle.py), dist writer (builder.py),
staleness (fingerprint.py). Import the submodules directly: `fingerprint` must stay free of
the compiler so that serving a fresh dist never loads it."""
