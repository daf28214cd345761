// The producer binary: one EventStore, one pool in this process.
#include "../Store.h"

int main() {
  EventStore store;
  return 0;
}
