"""PyInstaller runtime hook (build.spec): runs in the bundle before the app's own code.

pypinyin loads its 2.5 MB phrase dictionary at import unless PYPINYIN_NO_PHRASES is set. The
app reads names one character at a time (desktop.services.members._syllable), and the phrase
dictionary has no one-character entries (tests/test_bundle.py checks both), so the bundle
leaves the file out and tells pypinyin not to look for it: same readings, less to ship.
"""

import os

os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
