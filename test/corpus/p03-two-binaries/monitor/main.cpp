// The monitor binary: another process, with its own single pool.
#include "../Store.h"

int main() {
  EventStore store;
  return 0;
}
