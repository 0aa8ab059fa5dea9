# SPDX-License-Identifier: Apache-2.0
"""The training loop (a stand-in: this folder shows how the checker reads a release)."""
