void unrelated() {}
