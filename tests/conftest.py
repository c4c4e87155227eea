import os

import pytest
from hypothesis import settings

pytest_plugins = ["tests.support.redis_fixtures"]  # redis_server, redis_flushed

# In CI (CI=true) the differential suites draw the same examples every run, so a landing
# never depends on luck; elsewhere each run explores new ones, which is how they find bugs.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", help="rewrite golden files from the current output")


@pytest.fixture
def update_goldens(request) -> bool:
    return request.config.getoption("--update-goldens")
