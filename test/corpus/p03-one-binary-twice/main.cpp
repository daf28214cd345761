// One process that builds the store twice: two pools.
#include "Store.h"

EventStore &sharedStore() {
  static EventStore store;
  return store;
}

EventStore &getInstance() {
  static EventStore store;
  return store;
}

int main() {
  EventStore local; // poolguard-expect: poolguard-duplicate-pooled-provider
  sharedStore();
  return 0;
}
