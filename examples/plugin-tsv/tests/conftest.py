# masswork's fixtures for plugin tests: masswork_plan, masswork_schedule,
# masswork_export_input (the sample plan, schedule and report, as an exporter receives
# them) and masswork_isolated_plugins (a fresh plugin manager around the test).
pytest_plugins = ["masswork.testing.fixtures"]
