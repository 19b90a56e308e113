<?php
/**
 * Enters one labelled commune portal into a freshly created WordPress database, through WordPress's
 * own functions only (wp_install, wp_insert_term, wp_insert_post, wp_insert_attachment,
 * wp_update_nav_menu_item, update_option, set_theme_mod ...). No SQL touches the content tables.
 *
 * Called by build_wordpress.py in two processes:
 *   php build_wordpress.php SPEC.json install   (wp_install into the empty database)
 *   php build_wordpress.php SPEC.json content   (everything else; a new process so that WP_CONTENT_URL
 *                                                is derived from the installed siteurl, as on the web)
 * SPEC.json describes the portal (written by build_wordpress.py from its portal descriptions).
 *
 * Placeholders in any content string are resolved when the object they refer to exists:
 *   {{home}}              home URL with trailing slash
 *   {{page:PATH}}         permalink of the page with that path (e.g. gioi-thieu/lich-su)
 *   {{cat:SLUG}}          category archive URL;  {{catid:SLUG}} its term id
 *   {{post:SLUG}}         permalink of a post
 *   {{img:KEY}}           URL of an uploaded image;  {{imgid:KEY}} its attachment id
 *   {{file:KEY}}          URL of an uploaded file (pdf)
 *   {{nav:KEY}}           id of a wp_navigation post
 */

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}
$spec = json_decode( file_get_contents( $argv[1] ), true );
if ( ! $spec ) {
	fwrite( STDERR, "bad spec\n" );
	exit( 2 );
}

// Debian's wp-config.php picks /etc/wordpress/config-<HTTP_HOST>.php.
$_SERVER['HTTP_HOST']   = $spec['host'];
$_SERVER['SERVER_NAME'] = $spec['host'];
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['PHP_SELF']    = '/index.php';
$_SERVER['SERVER_PORT'] = 80;
$phase = $argv[2] ?? '';
if ( 'install' === $phase ) {
	define( 'WP_INSTALLING', true );
}

require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/media.php';
require_once ABSPATH . 'wp-admin/includes/taxonomy.php';

function say( $msg ) {
	fwrite( STDOUT, $msg . "\n" );
}

$home = 'http://' . $spec['host'];
if ( 'install' === $phase ) {
	if ( is_blog_installed() ) {
		fwrite( STDERR, "already installed: drop the database first\n" );
		exit( 3 );
	}
	$result = wp_install( $spec['title'], 'quantri', 'quantri@' . $spec['host'], true, '', $spec['admin_password'], $spec['language'] );
	update_option( 'home', $home );
	update_option( 'siteurl', $home );
	say( "installed {$spec['host']} (user {$result['user_id']}, language " . get_option( 'WPLANG' ) . ')' );

	// --- settings -------------------------------------------------------------------------------
	foreach ( $spec['options'] as $name => $value ) {
		update_option( $name, $value );
	}
	switch_theme( $spec['theme'] );
	foreach ( $spec['theme_mods'] ?? array() as $name => $value ) {
		set_theme_mod( $name, $value );
	}

	// Remove what wp_install_defaults entered (Hello world, Sample Page, the privacy draft).
	foreach ( get_posts( array( 'post_type' => array( 'post', 'page' ), 'post_status' => 'any', 'numberposts' => -1 ) ) as $p ) {
		wp_delete_post( $p->ID, true );
	}
	update_option( 'wp_page_for_privacy_policy', 0 );
	say( 'settings, theme ' . get_stylesheet() );
	exit( 0 );
}
if ( 'content' !== $phase || ! is_blog_installed() ) {
	fwrite( STDERR, "usage: php build_wordpress.php SPEC.json install|content (content after install)\n" );
	exit( 3 );
}
$admin_id = get_user_by( 'login', 'quantri' )->ID;
wp_set_current_user( $admin_id ); // administrator: unfiltered_html, kses filters off (as in the editor)

// --- registry of created objects, for placeholders -------------------------------------------
$R = array( 'page' => array(), 'cat' => array(), 'catid' => array(), 'post' => array(), 'img' => array(),
	'imgid' => array(), 'file' => array(), 'nav' => array() );

function resolve( $text ) {
	global $R, $home;
	if ( ! is_string( $text ) ) {
		return $text;
	}
	$text = str_replace( '{{home}}', trailingslashit( $home ), $text );
	return preg_replace_callback(
		'/\{\{(page|cat|catid|post|img|imgid|file|nav):([^}]+)\}\}/',
		function ( $m ) use ( &$R ) {
			if ( ! isset( $R[ $m[1] ][ $m[2] ] ) ) {
				fwrite( STDERR, "unresolved placeholder {$m[0]}\n" );
				exit( 4 );
			}
			return $R[ $m[1] ][ $m[2] ];
		},
		$text
	);
}

function resolve_all( $value ) {
	if ( is_array( $value ) ) {
		return array_map( 'resolve_all', $value );
	}
	return resolve( $value );
}

// --- media: images are drawn here with GD (flat colour + text), files are given as base64 ------
function draw_png( $img ) {
	$w  = $img['width'];
	$h  = $img['height'];
	$im = imagecreatetruecolor( $w, $h );
	list( $r, $g, $b ) = sscanf( $img['bg'], '#%02x%02x%02x' );
	imagefill( $im, 0, 0, imagecolorallocate( $im, $r, $g, $b ) );
	list( $r, $g, $b ) = sscanf( $img['fg'] ?? '#ffffff', '#%02x%02x%02x' );
	$fg   = imagecolorallocate( $im, $r, $g, $b );
	$font = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
	$lines = $img['lines'];
	$size  = $img['font_size'] ?? 14;
	foreach ( $lines as $line ) {   // shrink the font until every line fits
		while ( $size > 8 ) {
			$box = imagettfbbox( $size, 0, $font, $line );
			if ( $box[2] - $box[0] <= $w - 16 ) {
				break;
			}
			--$size;
		}
	}
	$lh    = (int) round( $size * 1.6 );
	$y     = (int) ( ( $h - $lh * count( $lines ) ) / 2 + $size * 1.2 );
	foreach ( $lines as $line ) {
		$box = imagettfbbox( $size, 0, $font, $line );
		$x   = (int) max( 4, ( $w - ( $box[2] - $box[0] ) ) / 2 );
		imagettftext( $im, $size, 0, $x, $y, $fg, $font, $line );
		$y += $lh;
	}
	ob_start();
	imagepng( $im, null, 9 );
	imagedestroy( $im );
	return ob_get_clean();
}

function upload( $name, $bits, $folder, $mime, $title, $date ) {
	$up = wp_upload_bits( $name, null, $bits, $folder );
	if ( $up['error'] ) {
		fwrite( STDERR, "upload $name: {$up['error']}\n" );
		exit( 5 );
	}
	$id = wp_insert_attachment(
		array(
			'post_mime_type' => $mime,
			'post_title'     => $title,
			'post_content'   => '',
			'post_status'    => 'inherit',
			'post_date'      => $date,
		),
		$up['file']
	);
	return array( $id, $up['file'], $up['url'] );
}

foreach ( $spec['images'] as $img ) {
	list( $id, $file, $url ) = upload( $img['file'], draw_png( $img ), $img['folder'], 'image/png', $img['title'], $img['date'] );
	wp_update_attachment_metadata( $id, wp_generate_attachment_metadata( $id, $file ) );
	update_post_meta( $id, '_wp_attachment_image_alt', $img['alt'] );
	$R['img'][ $img['key'] ]   = $url;
	$R['imgid'][ $img['key'] ] = (string) $id;
	say( "image {$img['key']} #$id $url" );
}
foreach ( $spec['files'] as $f ) {
	list( $id, $file, $url ) = upload( $f['file'], base64_decode( $f['base64'] ), $f['folder'], $f['mime'], $f['title'], $f['date'] );
	$R['file'][ $f['key'] ] = $url;
	say( "file {$f['key']} #$id" );
}

// --- categories -------------------------------------------------------------------------------
foreach ( $spec['categories'] as $c ) {
	$parent = isset( $c['parent'] ) ? $R['catid'][ $c['parent'] ] : 0;
	if ( ! empty( $c['default'] ) ) {   // rename the default category (id 1) as an editor would
		$t = wp_update_term( (int) get_option( 'default_category' ), 'category',
			array( 'name' => $c['name'], 'slug' => $c['slug'], 'description' => $c['description'] ?? '' ) );
	} else {
		$t = wp_insert_term( $c['name'], 'category',
			array( 'slug' => $c['slug'], 'parent' => (int) $parent, 'description' => $c['description'] ?? '' ) );
	}
	if ( is_wp_error( $t ) ) {
		fwrite( STDERR, "category {$c['slug']}: " . $t->get_error_message() . "\n" );
		exit( 6 );
	}
	$R['catid'][ $c['slug'] ] = (string) $t['term_id'];
}
// The rewrite rules must match the chosen permalink structure before permalinks are asked for.
global $wp_rewrite;
$wp_rewrite->init();
flush_rewrite_rules( false );   // soft: never writes /usr/share/wordpress/.htaccess (rules are in the vhost)
foreach ( $R['catid'] as $slug => $id ) {
	$R['cat'][ $slug ] = get_category_link( (int) $id );
}

// --- posts ------------------------------------------------------------------------------------
function set_modified( $post_id, $modified ) {
	// An edit made on $modified: WordPress stamps post_modified with the time of the edit, so the edit
	// is replayed through wp_update_post with that time as "now".
	$stamp = function ( $data ) use ( $modified ) {
		$data['post_modified']     = $modified;
		$data['post_modified_gmt'] = get_gmt_from_date( $modified );
		return $data;
	};
	add_filter( 'wp_insert_post_data', $stamp, 99 );
	$post = get_post( $post_id );
	wp_update_post( array( 'ID' => $post_id, 'post_content' => $post->post_content . "\n\n" . '<!-- wp:paragraph --><p><em>(Cập nhật: bổ sung thông tin)</em></p><!-- /wp:paragraph -->' ) );
	remove_filter( 'wp_insert_post_data', $stamp, 99 );
}

foreach ( $spec['posts'] as $p ) {
	$cats = array_map( function ( $s ) use ( $R ) { return (int) $R['catid'][ $s ]; }, $p['cats'] );
	$id   = wp_insert_post(
		array(
			'post_type'      => 'post',
			'post_status'    => $p['status'] ?? 'publish',
			'post_title'     => $p['title'],
			'post_name'      => $p['slug'],
			'post_content'   => resolve( $p['content'] ),
			'post_excerpt'   => $p['excerpt'] ?? '',
			'post_date'      => $p['date'],
			'post_author'    => $admin_id,
			'comment_status' => 'closed',
			'ping_status'    => 'closed',
		),
		true
	);
	if ( is_wp_error( $id ) ) {
		fwrite( STDERR, "post {$p['slug']}: " . $id->get_error_message() . "\n" );
		exit( 7 );
	}
	wp_set_post_categories( $id, $cats );
	if ( ! empty( $p['featured'] ) ) {
		set_post_thumbnail( $id, (int) $R['imgid'][ $p['featured'] ] );
	}
	if ( ! empty( $p['sticky'] ) ) {
		stick_post( $id );
	}
	if ( ! empty( $p['modified'] ) ) {
		set_modified( $id, $p['modified'] );
	}
	$R['post'][ $p['slug'] ] = get_permalink( $id );
	say( sprintf( 'post #%d %s %s [%s] %s', $id, $p['date'], $p['status'] ?? 'publish', implode( ',', $p['cats'] ), $p['slug'] ) );
}

// --- pages (in order: a page may link to pages, posts and categories entered before it) --------
foreach ( $spec['pages'] as $p ) {
	$parent = 0;
	if ( ! empty( $p['parent'] ) ) {
		$parent = get_page_by_path( $p['parent'] )->ID;
	}
	$id = wp_insert_post(
		array(
			'post_type'      => 'page',
			'post_status'    => 'publish',
			'post_title'     => $p['title'],
			'post_name'      => $p['slug'],
			'post_parent'    => $parent,
			'menu_order'     => $p['menu_order'] ?? 0,
			'post_content'   => resolve( $p['content'] ),
			'post_date'      => $p['date'],
			'post_author'    => $admin_id,
			'comment_status' => 'closed',
			'ping_status'    => 'closed',
		),
		true
	);
	if ( is_wp_error( $id ) ) {
		fwrite( STDERR, "page {$p['slug']}: " . $id->get_error_message() . "\n" );
		exit( 8 );
	}
	$path                 = get_page_uri( $id );
	$R['page'][ $path ]   = get_permalink( $id );
	say( "page #$id $path" );
}

// --- classic menus (themes with menu locations) --------------------------------------------------
$locations = array();
foreach ( $spec['menus'] ?? array() as $menu ) {
	$menu_id = wp_create_nav_menu( $menu['name'] );
	$ids     = array();
	$order   = 0;
	foreach ( $menu['items'] as $it ) {
		$args = array(
			'menu-item-title'     => $it['title'],
			'menu-item-status'    => 'publish',
			'menu-item-position'  => ++$order,
			'menu-item-parent-id' => isset( $it['parent'] ) ? $ids[ $it['parent'] ] : 0,
			'menu-item-attr-title' => $it['attr_title'] ?? '',
		);
		if ( 'page' === $it['type'] ) {
			$args += array( 'menu-item-type' => 'post_type', 'menu-item-object' => 'page',
				'menu-item-object-id' => get_page_by_path( $it['target'] )->ID );
		} elseif ( 'category' === $it['type'] ) {
			$args += array( 'menu-item-type' => 'taxonomy', 'menu-item-object' => 'category',
				'menu-item-object-id' => (int) $R['catid'][ $it['target'] ] );
		} else {
			$args += array( 'menu-item-type' => 'custom', 'menu-item-url' => resolve( $it['target'] ) );
		}
		$item_id = wp_update_nav_menu_item( $menu_id, 0, $args );
		if ( is_wp_error( $item_id ) ) {
			fwrite( STDERR, "menu item {$it['title']}: " . $item_id->get_error_message() . "\n" );
			exit( 9 );
		}
		$ids[ $it['key'] ?? $it['title'] ] = $item_id;
	}
	if ( ! empty( $menu['location'] ) ) {
		$locations[ $menu['location'] ] = $menu_id;
	}
	say( "menu {$menu['name']} #$menu_id (" . count( $menu['items'] ) . ' items)' );
}
if ( $locations ) {
	set_theme_mod( 'nav_menu_locations', $locations );
}

// --- widgets (classic sidebars): legacy widgets and block widgets -------------------------------
if ( isset( $spec['widgets'] ) ) {
	$sidebars = array( 'wp_inactive_widgets' => array() );
	$by_type  = array();
	foreach ( $spec['widgets'] as $sidebar => $widgets ) {
		$sidebars[ $sidebar ] = array();
		foreach ( $widgets as $w ) {
			$type = $w['type'];
			$n    = isset( $by_type[ $type ] ) ? max( array_keys( $by_type[ $type ] ) ) + 1 : 2;
			$inst = resolve_all( $w['instance'] );
			foreach ( array( 'attachment_id', 'width', 'height' ) as $int_field ) {
				if ( isset( $inst[ $int_field ] ) ) {
					$inst[ $int_field ] = (int) $inst[ $int_field ];
				}
			}
			$by_type[ $type ][ $n ] = $inst;
			$sidebars[ $sidebar ][] = "$type-$n";
		}
	}
	foreach ( $by_type as $type => $instances ) {
		$instances['_multiwidget'] = 1;
		update_option( "widget_$type", $instances );
	}
	$sidebars['array_version'] = 3;
	update_option( 'sidebars_widgets', $sidebars );
	say( 'widgets: ' . json_encode( $sidebars, JSON_UNESCAPED_UNICODE ) );
}

// --- block theme: navigation posts, template parts and templates (what the Site Editor saves) ---
foreach ( $spec['navigations'] ?? array() as $nav ) {
	$id = wp_insert_post( array( 'post_type' => 'wp_navigation', 'post_status' => 'publish',
		'post_title' => $nav['title'], 'post_content' => resolve( $nav['content'] ) ), true );
	$R['nav'][ $nav['key'] ] = (string) $id;
	say( "navigation {$nav['key']} #$id" );
}
foreach ( $spec['template_parts'] ?? array() as $part ) {
	$id = wp_insert_post( array( 'post_type' => 'wp_template_part', 'post_status' => 'publish',
		'post_name' => $part['slug'], 'post_title' => $part['title'], 'post_content' => resolve( $part['content'] ) ), true );
	wp_set_post_terms( $id, $spec['theme'], 'wp_theme' );
	wp_set_post_terms( $id, $part['area'], 'wp_template_part_area' );
	say( "template part {$part['slug']} #$id" );
}
foreach ( $spec['templates'] ?? array() as $tpl ) {
	$id = wp_insert_post( array( 'post_type' => 'wp_template', 'post_status' => 'publish',
		'post_name' => $tpl['slug'], 'post_title' => $tpl['title'], 'post_content' => resolve( $tpl['content'] ) ), true );
	wp_set_post_terms( $id, $spec['theme'], 'wp_theme' );
	say( "template {$tpl['slug']} #$id" );
}

flush_rewrite_rules( false );
say( 'done' );
