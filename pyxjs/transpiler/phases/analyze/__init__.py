"""Analysis: what names mean (resolved against the imported app) and what type each expression has."""
