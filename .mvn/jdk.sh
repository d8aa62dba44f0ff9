# Sourced by ./mvnw and the project's scripts: makes JAVA_HOME point at a JDK >= 21.
# Keeps JAVA_HOME or the default java when they are new enough; otherwise takes the newest
# JDK >= 21 found in the usual install folders, and says what to install when there is none.

registrar_required_java=21

registrar_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    awk -F' = ' '/java.specification.version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]) }'
}

registrar_find_jdk() {
  candidates="" default_home=""
  [ -n "${JAVA_HOME:-}" ] && candidates="$JAVA_HOME"
  if command -v java >/dev/null 2>&1; then
    default_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    candidates="$candidates $default_home"
  fi
  for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -x "$dir/bin/javac" ] && candidates="$candidates $dir"
  done
  best="" best_major=0
  for home in $candidates; do
    [ -x "$home/bin/java" ] || continue
    major=$(registrar_java_major "$home")
    [ -n "$major" ] || continue
    if [ "$major" -ge "$registrar_required_java" ]; then
      # The first acceptable one among JAVA_HOME and the default java wins; else the newest.
      if [ "$home" = "${JAVA_HOME:-}" ] || [ "$home" = "${default_home:-}" ]; then
        echo "$home"; return 0
      fi
      if [ "$major" -gt "$best_major" ]; then best="$home" best_major="$major"; fi
    fi
  done
  [ -n "$best" ] && { echo "$best"; return 0; }
  return 1
}

# Callers may run with globbing off (mvnw uses set -f); the folder scan needs it.
registrar_globbing_was_off=""
case $- in *f*) registrar_globbing_was_off=1; set +f ;; esac
registrar_jdk=$(registrar_find_jdk) || registrar_jdk=""
[ -n "$registrar_globbing_was_off" ] && set -f

if [ -n "$registrar_jdk" ]; then
  JAVA_HOME="$registrar_jdk"
  export JAVA_HOME
else
  echo "Registrar needs a JDK ${registrar_required_java} or newer and found none." >&2
  echo "Install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21+, or set JAVA_HOME to it." >&2
  exit 1
fi
