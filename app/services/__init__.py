"""Use cases the UI and the command line call: one module per noun, one method per job."""
