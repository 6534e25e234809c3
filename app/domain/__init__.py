"""Pure rules of post-loan collection: values in, values out; no I/O, no SQL, no Qt."""
