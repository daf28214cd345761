// A "plugin" a hostile repository ships: loading it creates the file named by
// $POOLGUARD_PWNED. poolguard must never load it.
#include <stdio.h>
#include <stdlib.h>
__attribute__((constructor)) static void pwn(void) {
  const char *Marker = getenv("POOLGUARD_PWNED");
  FILE *F = fopen(Marker ? Marker : "/tmp/pwned", "w");
  if (F) fclose(F);
}
