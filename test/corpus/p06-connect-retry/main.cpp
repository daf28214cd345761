#include <libpq-fe.h>

PGconn *connectWhenReady();
void serve(PGconn *Conn);

int main() {
  static PGconn *Conn = connectWhenReady();
  serve(Conn);
}
