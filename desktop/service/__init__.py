"""The application layer both front ends call: one typed, Qt-free home per use case."""
