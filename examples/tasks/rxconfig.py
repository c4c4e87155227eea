import pyxjs as rx

config = rx.Config(
    app_name="tasks",
    # Client states survive a restart of `pyx run` (kept in .pyx/states/ in this folder).
    state_manager_mode="disk",
)
