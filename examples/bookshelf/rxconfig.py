import pyxjs as rx

config = rx.Config(
    app_name="bookshelf",
    plugins=[rx.plugins.RadixThemesPlugin()],
)
