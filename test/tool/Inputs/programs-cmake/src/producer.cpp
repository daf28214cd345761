// The producer executable (add_executable(producer producer.cpp) linking the
// queue library).
int publish();

int main() { return publish(); }
