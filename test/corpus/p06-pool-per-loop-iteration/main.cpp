void runJobs();
void heartbeat();

int main() {
  runJobs();
  heartbeat();
}
