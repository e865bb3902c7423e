"""The wire format of sync: the pydantic models of every request and answer, imported by both ends
(the station's client in sync/, the server in server/)."""
