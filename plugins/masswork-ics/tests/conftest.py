from masswork.testing.fixtures import masswork_export_input, masswork_isolated_plugins

__all__ = ["masswork_export_input", "masswork_isolated_plugins"]
