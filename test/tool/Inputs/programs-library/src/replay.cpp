// The replay executable, linking the queue library too.
int publish();

int main() { return publish() + 1; }
