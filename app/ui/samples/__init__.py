"""The Samples tab's widgets: the photo gallery, its import helper and the full-size viewer."""
