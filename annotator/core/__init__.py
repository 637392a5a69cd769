"""Records, invariants, hashing and the JSONL store: no spaCy, no Textual."""
