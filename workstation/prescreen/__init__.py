"""The pre-screen area: scans archived clips with the media detectors, finds the problems of an officer's day, keeps
every finding with its review (confirmed or dismissed by a person) and counts how often each detector was right."""
