"""What every feature's handlers share."""
