#include <thread>
#include <vector>

void startWorkers(std::vector<std::thread> &Workers, int Count);

int main() {
  std::vector<std::thread> Workers;
  startWorkers(Workers, 4);
  for (std::thread &W : Workers)
    W.join();
}
