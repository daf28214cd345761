// The producer executable, linking the queue library.
int publish();

int main() { return publish(); }
