"""The coordinators' review app: a Polish web app and CLI over the review cases and decisions."""
