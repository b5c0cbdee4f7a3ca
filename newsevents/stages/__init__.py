"""The built-in pipeline stages, one module each; ``pipeline.registry()`` imports them."""
