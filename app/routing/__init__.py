"""Travel-time matrices and the vehicle-routing solver adapter for visit plans."""
