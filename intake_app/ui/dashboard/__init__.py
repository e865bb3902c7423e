"""The district dashboard tab."""
