from pyxjs.cli.main import main

main()
