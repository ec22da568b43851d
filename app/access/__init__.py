"""The access layer: who is calling (the Caller from the token), role checks built by one
factory, and the caller's unit scope as SQL filters. It sits above the tables (units, users) and
below every service and router."""
