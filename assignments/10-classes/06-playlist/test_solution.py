import random
import unittest

from grading import type_name
from solution import Playlist, Song

WORDS = ["Blue", "Night", "Home", "Fire", "Rain", "Gold", "Echo", "Wild"]


def road_trip():
    trip = Playlist("Road trip")
    trip.add(Song("Go", "Ada", 200))
    trip.add(Song("Stay", "Bo", 320))
    trip.add(Song("Run", "Ada", 150))
    return trip


class TestPlaylist(unittest.TestCase):
    def test_song_stores_its_attributes(self):
        song = Song("Go", "Ada", 200)
        self.assertEqual(song.title, "Go", 'Song("Go", "Ada", 200).title should be "Go"')
        self.assertEqual(song.artist, "Ada", 'Song("Go", "Ada", 200).artist should be "Ada"')
        self.assertEqual(song.seconds, 200, 'Song("Go", "Ada", 200).seconds should be 200')

    def test_new_playlist_is_empty(self):
        empty = Playlist("Empty")
        self.assertEqual(empty.name, "Empty", 'Playlist("Empty").name should be "Empty"')
        self.assertEqual(len(empty), 0, 'len(Playlist("Empty")) should be 0')
        self.assertEqual(empty.total_seconds(), 0, 'Playlist("Empty").total_seconds() should be 0')
        self.assertEqual(empty.titles(), [], 'Playlist("Empty").titles() should be []')

    def test_examples_from_the_handout(self):
        trip = road_trip()
        self.assertEqual(len(trip), 3, "the road trip playlist with 3 songs: len(trip) should be 3")
        self.assertEqual(trip.total_seconds(), 670, "trip.total_seconds() should be 670 (200 + 320 + 150)")
        self.assertEqual(trip.titles(), ["Go", "Stay", "Run"], 'trip.titles() should be ["Go", "Stay", "Run"]')

    def test_longest_returns_the_song_object(self):
        longest = road_trip().longest()
        self.assertEqual(type_name(longest), "Song", "trip.longest() should return a Song object, not its title")
        self.assertEqual(longest.title, "Stay", 'trip.longest().title should be "Stay"')

    def test_longest_of_an_empty_playlist_is_none(self):
        self.assertIsNone(Playlist("Empty").longest(), 'Playlist("Empty").longest() should be None')

    def test_longest_tie_keeps_the_first(self):
        mix = Playlist("Mix")
        mix.add(Song("A", "X", 100))
        mix.add(Song("B", "Y", 300))
        mix.add(Song("C", "Z", 300))
        self.assertEqual(mix.longest().title, "B", 'with songs of 100, 300 and 300 seconds, longest().title should be "B" (the first)')

    def test_playlists_are_separate(self):
        first, second = Playlist("One"), Playlist("Two")
        first.add(Song("Go", "Ada", 200))
        self.assertEqual(len(second), 0, "adding a song to one playlist should leave another playlist empty")

    def test_generated_playlists(self):
        rng = random.Random(1006)
        for _ in range(10):
            playlist, titles, lengths = Playlist("Generated"), [], []
            for _ in range(rng.randint(1, 8)):
                title, seconds = f"{rng.choice(WORDS)} {rng.choice(WORDS)}", rng.randint(60, 400)
                playlist.add(Song(title, "Band", seconds))
                titles.append(title)
                lengths.append(seconds)
            longest = titles[lengths.index(max(lengths))]
            added = ", ".join(f"Song({t!r}, 'Band', {s})" for t, s in zip(titles, lengths))
            self.assertEqual(playlist.total_seconds(), sum(lengths), f"after adding {added}: total_seconds() should be {sum(lengths)}")
            self.assertEqual(playlist.titles(), titles, f"after adding {added}: titles() should be {titles!r}")
            self.assertEqual(len(playlist), len(titles), f"after adding {added}: len(playlist) should be {len(titles)}")
            song = playlist.longest()
            self.assertEqual(type_name(song), "Song", f"after adding {added}: longest() should return a Song object")
            self.assertEqual(song.title, longest, f"after adding {added}: longest().title should be {longest!r}")


if __name__ == "__main__":
    unittest.main()
