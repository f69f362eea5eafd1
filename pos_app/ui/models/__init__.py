"""Qt item models of the app's lists; they page, sort and filter in SQL, never in Python."""
