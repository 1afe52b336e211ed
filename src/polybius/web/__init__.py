"""The web explorer and its JSON API (extra: ``polybius[web]``); see ``polybius.web.app``."""
