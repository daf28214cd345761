// The producer executable: one Database, one pool in its process.
#include "Database.h"
#include "queue.h"

int main() {
  Database db;
#ifdef PRODUCER_TWICE
  Database archive;
#endif
  return publishAll(db);
}
