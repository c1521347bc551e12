"""The bundled demo: a sample stream written for newsstream, and its runner."""
