// Qt SQL (QPSQL): a connection name built from the thread, so every thread
// that runs the call opens its own connection; three threads.
#include "probe.h"
#include <QtCore/QString>
#include <QtSql/QSqlDatabase>
#include <atomic>
#include <thread>
#include <vector>

static std::atomic<int> Opened{0}, Done{0};

static void worker(int Id) {
  {
    QSqlDatabase Db =
        QSqlDatabase::addDatabase("QPSQL", QString("worker_%1").arg(Id));
    Db.setDatabaseName("app");
    if (Db.open())
      ++Opened;
    while (Done.load() == 0)
      std::this_thread::yield();
  }
}

int main() {
  std::vector<std::thread> Threads;
  for (int I = 0; I != 3; ++I)
    Threads.emplace_back(worker, I);
  while (Opened.load() != 3)
    std::this_thread::yield();
  int Rc = holdAndProbe();
  Done = 1;
  for (std::thread &T : Threads)
    T.join();
  return Rc;
}
