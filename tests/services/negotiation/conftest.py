from tests.services.negotiation.fixtures import world  # noqa: F401 (a fixture)
