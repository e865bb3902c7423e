"""Keys and secrets: the database key, secure-keyring detection. No Qt."""
