#include <QtCore/QThreadPool>

class ReportTask;
QRunnable *newReportTask();

int main() {
  // No setMaxThreadCount: nothing in the code bounds the threads.
  for (int I = 0; I < 100; ++I)
    QThreadPool::globalInstance()->start(newReportTask());
}
