"""The system tier, all slow: whole processes, terminals, faults, kill -9, parallel writers."""
