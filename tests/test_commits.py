"""Commit subjects stay under 72 characters (issue 14, "CI checks what we claim").

The rule holds from the commit that introduced this check on: older
subjects are history and cannot change. Merge commits are left out (their
subject is written by whoever merges). A clone that lacks the starting
commit (a shallow one) checks the last commit only.
"""

import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# the last commit of main before the rule (its parent history is exempt)
SINCE = "452f38de76eb5039b556809574aeb69cec0f6f6a"
MAX_LENGTH = 71


def _git(*args):
    return subprocess.run(
        ["git", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def test_commit_subjects_under_72_characters():
    assert _git("rev-parse", "--git-dir").returncode == 0, "not a git checkout"
    known = _git("merge-base", "--is-ancestor", SINCE, "HEAD").returncode == 0
    revisions = [f"{SINCE}..HEAD"] if known else ["-1", "HEAD"]
    log = _git("log", "--no-merges", "--format=%h %s", *revisions)
    assert log.returncode == 0, log.stderr
    too_long = [
        line
        for line in log.stdout.splitlines()
        if len(line.split(" ", 1)[1]) > MAX_LENGTH
    ]
    assert not too_long, (
        f"commit subjects of {MAX_LENGTH + 1} characters or more "
        "(reword them before they land):\n" + "\n".join(too_long)
    )
