"""End-to-end tests that drive the notebooks in a real browser (JupyterLab and Voilà)."""
