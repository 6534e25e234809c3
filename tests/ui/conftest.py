"""Qt set-up the UI tests need before pytest-qt creates its one QApplication."""

from __future__ import annotations

import os

import pytest

# QtWebEngine looks for a GPU at start-up; the offscreen platform has none and says so, once per
# run, before falling back to software rendering. Harmless, and not a warning about our code.
_OFFSCREEN_GPU_MESSAGES = (
    "QRhiGles2: Failed to create",
    "Failed to create RHI for backend",
    "does not support createPlatformVulkanInstance",
    "QVulkanInstance: Failed to initialize Vulkan",
    "GBM is not supported with the current configuration",
    "GPUInfo not initialized on GpuInfoUpdate",
)


def pytest_configure(config: pytest.Config) -> None:
    # URL schemes are read once, when QtWebEngine starts with the QApplication.
    from ui.web import local_content

    local_content.register_schemes()
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        for message in _OFFSCREEN_GPU_MESSAGES:
            config.addinivalue_line("qt_log_ignore", message)
