#!/usr/bin/env bash
#
# Assembles the base image of every Loyalty Pulse service as a `docker save` archive that Jib reads offline
# (`jib.from.image=tar://...`): a Java runtime made by jlink from the build's JDK, the few shared libraries of Debian
# that it and RocksDB (Kafka Streams' state stores) load, a non-root user, and nothing else: no shell, no package
# manager, no coreutils. Reproducible: the same runtime and the same Debian libraries give the same bytes (files
# sorted, owned by 0:0, every time stamp set to SOURCE_DATE_EPOCH).
#
#   build-base.sh RUNTIME_DIR OUTPUT_DIR IMAGE_NAME SOURCE_DATE (ISO 8601, e.g. 2026-11-22T00:00:00Z)
#
# RUNTIME_DIR is jlink's output (the pom runs jlink from the JDK toolchain first). Linux x86_64 with glibc only.
set -euo pipefail

runtime="$1"
out="$2"
image="$3"
created="$4"
epoch="$(date -u -d "$created" +%s)"
libdir=/usr/lib/x86_64-linux-gnu

die() {
	printf 'build-base.sh: %s\n' "$*" >&2
	exit 1
}

[[ "$(uname -m)" == x86_64 ]] || die "only x86_64 is supported (this is $(uname -m))"
[[ -x "$runtime/bin/java" ]] || die "no Java runtime at $runtime (jlink's output)"

rootfs="$out/rootfs"
rm -rf "$rootfs" "$out/archive"
mkdir -p "$rootfs/opt" "$rootfs/usr/lib/x86_64-linux-gnu" "$rootfs/usr/lib64" "$rootfs/etc" "$rootfs/tmp" \
	"$rootfs/home/nonroot" "$rootfs/usr/share/doc" "$out/archive"
cp -a "$runtime" "$rootfs/opt/java"

# The libraries the runtime and librocksdbjni need (ldd of both), from the Debian packages installed here; their
# versions are recorded in the image's labels. glibc >= 2.34 has NSS (files, dns) and libresolv inside libc.so.6.
declare -A packages=(
	[ld-linux-x86-64.so.2]=libc6 [libc.so.6]=libc6 [libm.so.6]=libc6 [libdl.so.2]=libc6 [libpthread.so.0]=libc6
	[librt.so.1]=libc6 [libgcc_s.so.1]=libgcc-s1 [libstdc++.so.6]=libstdc++6
)
for lib in "${!packages[@]}"; do
	[[ -e "$libdir/$lib" ]] || die "$libdir/$lib is missing: install the Debian package ${packages[$lib]}"
	cp -L "$libdir/$lib" "$rootfs/usr/lib/x86_64-linux-gnu/$lib"
done
package_versions=""
for package in $(printf '%s\n' "${packages[@]}" | sort -u); do
	version="$(dpkg-query -W -f '${Version}' "$package:amd64" 2>/dev/null || dpkg-query -W -f '${Version}' "$package")"
	package_versions+="${package_versions:+ }$package=$version"
	if [[ -f "/usr/share/doc/$package/copyright" ]]; then
		mkdir -p "$rootfs/usr/share/doc/$package"
		cp "/usr/share/doc/$package/copyright" "$rootfs/usr/share/doc/$package/copyright"
	fi
done
# The merged-/usr layout of Debian: the ELF interpreter is /lib64/ld-linux-x86-64.so.2.
ln -s usr/lib "$rootfs/lib"
ln -s usr/lib64 "$rootfs/lib64"
ln -s ../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 "$rootfs/usr/lib64/ld-linux-x86-64.so.2"

printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' \
	>"$rootfs/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' >"$rootfs/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
chmod 1777 "$rootfs/tmp"
chmod 755 "$rootfs/home/nonroot"

reproducible_tar() { # DIR FILE: a tar of DIR's contents that depends on nothing but their names, modes and bytes
	(cd "$1" && find . -mindepth 1 -printf '%P\n' | LC_ALL=C sort) |
		tar --no-recursion --mtime="@$epoch" --owner=0 --group=0 --numeric-owner --format=posix \
			--pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime -cf "$2" -C "$1" -T -
}

layer="$out/archive/layer.tar"
reproducible_tar "$rootfs" "$layer"
diff_id="$(sha256sum "$layer" | cut -d' ' -f1)"
mkdir -p "$out/archive/$diff_id"
mv "$layer" "$out/archive/$diff_id/layer.tar"

java_version="$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$runtime/release")"
config="$(printf '{"architecture":"amd64","os":"linux","created":"%s","config":{"User":"65532:65532","Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8","TZ=UTC"],"WorkingDir":"/home/nonroot","Labels":{"org.opencontainers.image.title":"%s","org.opencontainers.image.description":"Java %s runtime (jlink) on Debian glibc; non-root (65532), no shell","io.loyaltypulse.java.version":"%s","io.loyaltypulse.debian.packages":"%s"}},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]},"history":[{"created":"%s","created_by":"deploy/images/base/build-base.sh"}]}' \
	"$created" "$image" "$java_version" "$java_version" "$package_versions" "$diff_id" "$created")"
config_id="$(printf '%s' "$config" | sha256sum | cut -d' ' -f1)"
printf '%s' "$config" >"$out/archive/$config_id.json"
printf '[{"Config":"%s.json","RepoTags":["%s"],"Layers":["%s/layer.tar"]}]' "$config_id" "$image" "$diff_id" \
	>"$out/archive/manifest.json"
reproducible_tar "$out/archive" "$out/java-base.tar"
rm -rf "$out/archive"

printf 'build-base.sh: %s (Java %s; %s): %s, %s MB, image id sha256:%s\n' "$image" "$java_version" \
	"$package_versions" "$out/java-base.tar" "$(($(stat -c %s "$out/java-base.tar") / 1024 / 1024))" "$config_id"
