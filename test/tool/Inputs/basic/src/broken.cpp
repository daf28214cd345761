int broken() { return undefined_thing; }
