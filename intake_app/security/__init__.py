"""Keys and secrets: the database key, secure-keyring detection. No Qt."""

import warnings

# pyHanko (signed packets, time-stamps) imports cryptography's DSA, which cryptography warns about on import:
# every command would print that warning to the user.
warnings.filterwarnings("ignore", message="DSA is deprecated", module="pyhanko")
