class Song:
    """A song with a title, an artist and a length in seconds."""

    def __init__(self, title, artist, seconds):
        self.title = title
        self.artist = artist
        self.seconds = seconds


class Playlist:
    """A named list of songs."""

    def __init__(self, name):
        self.name = name
        self.songs = []

    def add(self, song):
        """Add song at the end of the playlist."""
        self.songs.append(song)

    def __len__(self):
        """Return how many songs the playlist holds."""
        return len(self.songs)

    def total_seconds(self):
        """Return the sum of the songs' lengths."""
        total = 0
        for song in self.songs:
            total += song.seconds
        return total

    def titles(self):
        """Return the songs' titles, in order."""
        return [song.title for song in self.songs]

    def longest(self):
        """Return the longest song (the first one of equal length), or None if empty."""
        best = None
        for song in self.songs:
            if best is None or song.seconds > best.seconds:
                best = song
        return best
