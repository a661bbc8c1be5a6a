"""masswork's own features, written as default plugins through the public hooks: the
requirement kinds, the json / csv / markdown formats and the console channel."""
