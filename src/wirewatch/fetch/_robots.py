"""robots.txt: what an answer for ``/robots.txt`` means, as a :class:`urllib.robotparser.RobotFileParser`."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from ._http import Response

__all__ = ["robots_url", "rules_from"]


def robots_url(url: str) -> str:
    """The address of the robots.txt that governs ``url``."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


def rules_from(response: Response) -> RobotFileParser:
    """The rules an answer gives: parsed on 2xx; 401 and 403 forbid everything; any other answer allows all.

    Server errors never reach here: the fetcher retries them and then reports the host as not yet readable.
    """
    rules = RobotFileParser(response.url)
    if 200 <= response.status < 300:
        rules.parse(response.body.decode("utf-8", errors="replace").splitlines())
        return rules
    rules.parse(["User-agent: *", "Disallow: /"] if response.status in (401, 403) else [])
    return rules
